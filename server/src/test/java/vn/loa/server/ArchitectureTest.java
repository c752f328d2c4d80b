package vn.loa.server;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the packages promise, checked on the compiled classes so that a new import which breaks
 * it fails the build. Each rule names the promise in the words a reviewer would use.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.loa.protocol", "vn.loa.server");
    }

    @Test
    void theServersPackagesFormNoCycle() {
        slices().matching("vn.loa.server.(*)..").should().beFreeOfCycles()
                .because("a package cycle means no part can be understood, tested or replaced alone")
                .check(classes);
    }

    @Test
    void theProtocolKnowsNothingOfTheServer() {
        noClasses().that().resideInAPackage("vn.loa.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.loa.server..", "vn.loa.sim..")
                .because("receivers, the simulator and the server share the protocol; it depends on none of them")
                .check(classes);
    }

    @Test
    void playoutKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("vn.loa.server.playout..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.loa.server.api..", "io.netty.handler.codec.http..")
                .because("playout is driven by requests and schedules alike and publishes events; HTTP is one caller")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootReachesIntoTheHttpLayer() {
        noClasses().that().resideOutsideOfPackages("vn.loa.server", "vn.loa.server.api..")
                .should().dependOnClassesThat().resideInAPackage("vn.loa.server.api..")
                .because("dependencies point one way: the API calls services, services never call the API")
                .check(classes);
    }

    @Test
    void httpTypesStayInTheHttpLayer() {
        noClasses().that().resideOutsideOfPackages("vn.loa.server.api..")
                .should().dependOnClassesThat().resideInAPackage("io.netty.handler.codec.http..")
                .because("services speak the domain; statuses and headers are the API's business")
                .check(classes);
    }

    @Test
    void theApiHoldsNoAuthorisationRule() {
        noClasses().that().resideInAPackage("vn.loa.server.api..")
                .should().callMethodWhere(describe("a scope or emergency-rights decision of Principal",
                        (JavaMethodCall call) -> call.getTargetOwner().getName().equals("vn.loa.server.auth.Principal")
                                && (call.getName().equals("reaches") || call.getName().equals("covers"))))
                .because("who may act on which stations is decided in vn.loa.server.policy, which every entry point calls")
                .check(classes);
    }

    @Test
    void storageDependsOnNoDomainPackage() {
        noClasses().that().resideInAPackage("vn.loa.server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.loa.server.config..", "vn.loa.server.auth..",
                        "vn.loa.server.station..", "vn.loa.server.playout..", "vn.loa.server.broadcast..",
                        "vn.loa.server.api..", "vn.loa.server.policy..")
                .because("storage is the bottom layer: it throws its own StoreException and knows no domain")
                .check(classes);
    }
}
