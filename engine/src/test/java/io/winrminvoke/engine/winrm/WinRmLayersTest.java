package io.winrminvoke.engine.winrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The client keeps pywinrm's seams: transport (HTTP, auth, TLS) knows no XML, protocol (SOAP
 * messages) knows no HTTP, session (shell lifecycle) joins them without touching either
 * library, and the contract package exposes neither.
 */
@AnalyzeClasses(packages = "io.winrminvoke.engine.winrm", importOptions = ImportOption.DoNotIncludeTests.class)
class WinRmLayersTest {

    private static final String HTTP = "org.apache.hc..";
    private static final String XML = "javax.xml..";

    @ArchTest
    static final ArchRule protocolKnowsNoHttp = noClasses()
            .that().resideInAPackage("..winrm.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, "..winrm.transport..", "..winrm.session..");

    @ArchTest
    static final ArchRule transportKnowsNoXml = noClasses()
            .that().resideInAPackage("..winrm.transport..")
            .should().dependOnClassesThat().resideInAnyPackage(XML, "..winrm.protocol..", "..winrm.session..");

    @ArchTest
    static final ArchRule sessionUsesNeitherLibraryDirectly = noClasses()
            .that().resideInAPackage("..winrm.session..")
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, XML);

    @ArchTest
    static final ArchRule contractsExposeNoHttpOrXml = noClasses()
            .that().resideInAPackage("io.winrminvoke.engine.winrm")
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, XML);
}
