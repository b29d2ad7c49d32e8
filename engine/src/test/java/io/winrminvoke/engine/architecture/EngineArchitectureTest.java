package io.winrminvoke.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the engine's layers honest (style.md): HTTP types only in the WinRM client, XML types
 * only where XML is the job, no simulator and no Jenkins in the library.
 */
@AnalyzeClasses(packages = "io.winrminvoke.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule httpStaysInTheWinRmClient = noClasses()
            .that().resideOutsideOfPackage("io.winrminvoke.engine.winrm..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..", "java.net.http..")
            .because("HTTP is the WinRM client's transport detail; the rest of the engine sees WinRsClient");

    // XML: the WS-Management messages (winrm), the JUnit report (report) and PowerShell's CLIXML
    // records on stderr (powershell, issue 5) are XML by nature; nothing else should be.
    @ArchTest
    static final ArchRule xmlStaysWhereXmlIsTheJob = noClasses()
            .that().resideOutsideOfPackages("io.winrminvoke.engine.winrm..", "io.winrminvoke.engine.report..",
                    "io.winrminvoke.engine.powershell..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.xml..", "org.w3c..", "org.xml.sax..")
            .because("XML parsing belongs to the protocol and to the writers whose format is XML");

    @ArchTest
    static final ArchRule noSimulatorInTheEngine = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.winrminvoke.simulator..")
            .because("the simulator is a test fixture; the engine must run against real Windows hosts");

    @ArchTest
    static final ArchRule noJenkinsInTheEngine = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                    "org.kohsuke.stapler..")
            .because("the engine is a plain library; the plugin is a thin adapter over it (design.md)");

    @ArchTest
    static final ArchRule runLayerKnowsOnlyTheClientContracts = noClasses()
            .that().resideOutsideOfPackage("io.winrminvoke.engine.winrm..")
            .and().doNotHaveSimpleName("StandardClients")
            .should().dependOnClassesThat().resideInAnyPackage("io.winrminvoke.engine.winrm.*..")
            .because("the fan-out talks to hosts only through WinRsClient/RemoteCommand, so another transport fits");
}
