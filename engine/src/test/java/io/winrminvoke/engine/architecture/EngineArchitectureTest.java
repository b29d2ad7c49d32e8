package io.winrminvoke.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
    // records on stderr (clixml, issue 5) are XML by nature; nothing else should be.
    @ArchTest
    static final ArchRule xmlStaysWhereXmlIsTheJob = noClasses()
            .that().resideOutsideOfPackages("io.winrminvoke.engine.winrm..", "io.winrminvoke.engine.report..",
                    "io.winrminvoke.engine.clixml..")
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
            .that().resideOutsideOfPackages("io.winrminvoke.engine.winrm..", "io.winrminvoke.engine.ssh..")
            .and().doNotHaveSimpleName("StandardClients")
            .should().dependOnClassesThat().resideInAnyPackage("io.winrminvoke.engine.winrm.*..",
                    "io.winrminvoke.engine.ssh.*..")
            .because("the fan-out talks to hosts only through WinRsClient/RemoteCommand, so another transport fits");

    // Authentication sits in the transport beside TLS (design.md): the SOAP messages and the
    // shell's life never see it, and the mechanisms see tokens and bytes, not HTTP types.
    @ArchTest
    static final ArchRule protocolAndSessionNeverSeeAuthentication = noClasses()
            .that().resideInAnyPackage("io.winrminvoke.engine.winrm.protocol..", "io.winrminvoke.engine.winrm.session..")
            .should().dependOnClassesThat().resideInAPackage("io.winrminvoke.engine.winrm.transport.auth..")
            .because("pywinrm's seams: transport = HTTP + auth; protocol and session stay the same for every method");

    @ArchTest
    static final ArchRule authMechanismsKnowNoHttp = noClasses()
            .that().resideInAPackage("io.winrminvoke.engine.winrm.transport.auth..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..", "java.net.http..")
            .because("a mechanism exchanges tokens and seals bytes; which connection carries them is the transport's");

    @ArchTest
    static final ArchRule sshLibrariesStayInTheSshClient = noClasses()
            .that().resideOutsideOfPackage("io.winrminvoke.engine.ssh.client..")
            .should().dependOnClassesThat().resideInAnyPackage("net.schmizz..", "com.hierynomus..")
            .because("sshj is the SSH client's implementation detail; the rest of the engine sees WinRsClient");

    // Bouncy Castle: sshj's algorithms, and MD4 for NTLM's NT hash (the JDK exports none).
    @ArchTest
    static final ArchRule bouncyCastleOnlyWhereAnAlgorithmNeedsIt = noClasses()
            .that().resideOutsideOfPackages("io.winrminvoke.engine.ssh.client..",
                    "io.winrminvoke.engine.winrm.transport.auth.ntlm..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("a crypto library is a detail of the two mechanisms that need algorithms the JDK lacks");

    @ArchTest
    static final ArchRule theTwoTransportsShareOnlyTheContracts = noClasses()
            .that().resideInAPackage("io.winrminvoke.engine.ssh..")
            .should().dependOnClassesThat().resideInAnyPackage("io.winrminvoke.engine.winrm.*..",
                    "io.winrminvoke.engine.run..", "io.winrminvoke.engine.options..")
            .because("the SSH client implements the WinRsClient contract; it needs nothing of the WinRM client "
                    + "or of the fan-out above it");

    @ArchTest
    static final ArchRule theWinRmClientKnowsNothingOfSsh = noClasses()
            .that().resideInAPackage("io.winrminvoke.engine.winrm..")
            .should().dependOnClassesThat().resideInAPackage("io.winrminvoke.engine.ssh..")
            .because("each transport stands alone behind the shared contract");

    @ArchTest
    static final ArchRule enginePackagesFormNoCycles = slices()
            .matching("io.winrminvoke.engine.(*)..")
            .should().beFreeOfCycles()
            .because("each concept's package builds on the ones below it (targets, results, client, run, reports)");
}
