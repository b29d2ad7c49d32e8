package io.winrminvoke.engine.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

    private static final KerberosSettings KEYTAB = new KerberosSettings(null, Path.of("deploy.keytab"), null, false,
            false);

    @Test
    void theUserNamesFormChoosesTheMethod() {
        assertThat(AuthMethod.defaultFor("deploy@corp.example.com")).isEqualTo(AuthMethod.NEGOTIATE);
        assertThat(AuthMethod.defaultFor("CORP\\deploy")).isEqualTo(AuthMethod.NTLM);
        assertThat(AuthMethod.defaultFor("Administrator")).isEqualTo(AuthMethod.NTLM);
        assertThat(AuthSettings.byUserName().methodFor("deploy@CORP")).isEqualTo(AuthMethod.NEGOTIATE);
    }

    @Test
    void aKerberosCredentialsFileMeansKerberosUnlessAMethodIsChosen() {
        assertThat(new AuthSettings(null, KEYTAB, false).methodFor("deploy@CORP.EXAMPLE.COM"))
                .isEqualTo(AuthMethod.KERBEROS);
        assertThat(new AuthSettings(AuthMethod.NEGOTIATE, KEYTAB, false).methodFor("deploy@CORP.EXAMPLE.COM"))
                .isEqualTo(AuthMethod.NEGOTIATE);
    }

    @Test
    void methodNamesParseCaseInsensitivelyAndABadOneNamesTheAllowedOnes() {
        assertThat(AuthMethod.parse(" NTLM ", "--auth")).isEqualTo(AuthMethod.NTLM);
        assertThatThrownBy(() -> AuthMethod.parse("digest", "--auth"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--auth: invalid value 'digest': allowed basic, ntlm, kerberos, negotiate");
        assertThatThrownBy(() -> SpnService.parse("HOST", "--spn-service"))
                .hasMessage("--spn-service: invalid value 'HOST': allowed HTTP, WSMAN");
    }

    @Test
    void basicOverPlainHttpNeedsTheOptInAndThenWarns() {
        AuthSettings basic = AuthSettings.of(AuthMethod.BASIC);
        assertThatThrownBy(() -> basic.check("admin", true, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("auth: basic over plain HTTP sends the password")
                .hasMessageContaining("basicOverHttp").hasMessageContaining("AllowUnencrypted");
        assertThatCode(() -> basic.check("admin", true, true)).doesNotThrowAnyException();
        assertThat(basic.warning("admin", true)).isNull();

        AuthSettings optedIn = AuthSettings.unencryptedBasic();
        assertThatCode(() -> optedIn.check("admin", true, false)).doesNotThrowAnyException();
        assertThat(optedIn.warning("admin", false)).contains("unencrypted");
        assertThatThrownBy(() -> optedIn.check("admin", true, true)).hasMessageStartingWith("basicOverHttp:");
        assertThatThrownBy(() -> new AuthSettings(AuthMethod.NTLM, null, true)).hasMessageStartingWith("basicOverHttp:");
    }

    @Test
    void sealingMethodsOverHttpNeedNoOptInAndGiveNoWarning() {
        for (AuthMethod method : new AuthMethod[] {AuthMethod.NTLM, AuthMethod.KERBEROS, AuthMethod.NEGOTIATE}) {
            assertThatCode(() -> AuthSettings.of(method).check("deploy@CORP", true, false)).doesNotThrowAnyException();
            assertThat(AuthSettings.of(method).warning("deploy@CORP", false)).isNull();
        }
    }

    @Test
    void credentialsComeFromAPasswordOrAFileNeverBothNeverNeither() {
        assertThatThrownBy(() -> AuthSettings.byUserName().check("admin", false, false))
                .hasMessage("password: missing; ntlm needs a password");
        assertThatThrownBy(() -> new AuthSettings(null, KEYTAB, false).check("deploy@CORP", true, false))
                .hasMessageStartingWith("kerberosKeytab: give a password or a Kerberos credentials file");
        assertThatCode(() -> new AuthSettings(null, KEYTAB, false).check("deploy@CORP", false, false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new KerberosSettings(Path.of("cc"), Path.of("kt"), null, false, false))
                .hasMessageStartingWith("kerberosKeytab: give a keytab or a ticket cache");
        assertThatThrownBy(() -> new AuthSettings(AuthMethod.NTLM, KEYTAB, false))
                .hasMessage("kerberosKeytab: applies only to auth kerberos or negotiate (auth is ntlm)");
    }

    @Test
    void kerberosRefusesANetbiosDomainUserAndAnIpAddressButNegotiateFallsBack() {
        assertThatThrownBy(() -> AuthSettings.of(AuthMethod.KERBEROS).check("CORP\\deploy", true, false))
                .hasMessageStartingWith("user: 'CORP\\deploy' cannot log in to Kerberos").hasMessageContaining("user@REALM");
        assertThatThrownBy(() -> AuthSettings.of(AuthMethod.KERBEROS).checkTarget("deploy@CORP", "10.1.2.3"))
                .hasMessageContaining("10.1.2.3").hasMessageContaining("no SPN").hasMessageContaining("negotiate");
        assertThatCode(() -> AuthSettings.of(AuthMethod.NEGOTIATE).checkTarget("deploy@CORP", "10.1.2.3"))
                .doesNotThrowAnyException();
        assertThatCode(() -> AuthSettings.of(AuthMethod.KERBEROS).checkTarget("deploy@CORP", "web01.corp.example.com"))
                .doesNotThrowAnyException();
    }

    @Test
    void ipLiteralsAreToldFromNames() {
        assertThat(AuthSettings.isIpLiteral("10.0.0.5")).isTrue();
        assertThat(AuthSettings.isIpLiteral("::1")).isTrue();
        assertThat(AuthSettings.isIpLiteral("fe80::1%eth0")).isTrue();
        assertThat(AuthSettings.isIpLiteral("host-001")).isFalse();
        assertThat(AuthSettings.isIpLiteral("10.0.0.5.nip.io")).isFalse();
    }

    @Test
    void theSpnFollowsTheServiceAndPortOptions() {
        assertThat(KerberosSettings.defaults().spnFor("web01", 5985)).isEqualTo("HTTP/web01");
        assertThat(new KerberosSettings(null, null, SpnService.WSMAN, true, false).spnFor("web01", 5986))
                .isEqualTo("WSMAN/web01:5986");
    }

    @Test
    void connectionSettingsResolveTheMethodAndNeverShowThePassword() {
        ConnectionSettings settings = new ConnectionSettings("web01", 5985, false, "CORP\\deploy", "pa55word",
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 65001, null, null);
        assertThat(settings.auth().method()).isEqualTo(AuthMethod.NTLM);
        assertThat(settings.toString()).contains("auth=ntlm").doesNotContain("pa55word");
    }

    @Test
    void optionsAsTypedBuildTheSettingsAndSpnOptionsNeedAKerberosMethod() {
        AuthSettings byName = AuthSettings.fromOptions(null, " ", false, false, null, null, false);
        assertThat(byName.method()).isNull();
        assertThat(byName.methodFor("deploy@CORP.EXAMPLE.COM")).isEqualTo(AuthMethod.NEGOTIATE);

        AuthSettings kerberos = AuthSettings.fromOptions("Kerberos", "wsman", true, true, null, Path.of("k.keytab"),
                false);
        assertThat(kerberos.method()).isEqualTo(AuthMethod.KERBEROS);
        assertThat(kerberos.kerberos().spnFor("web01", 5985)).isEqualTo("WSMAN/web01:5985");
        assertThat(kerberos.kerberos().canonicalHostName()).isTrue();
        assertThat(kerberos.kerberos().keytab()).isEqualTo(Path.of("k.keytab"));

        assertThat(AuthSettings.fromOptions("basic", null, false, false, null, null, true).basicOverHttp()).isTrue();
        assertThatThrownBy(() -> AuthSettings.fromOptions("ntlm", null, true, false, null, null, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("spnPort: applies only to auth kerberos or negotiate (auth is ntlm)");
        assertThatThrownBy(() -> AuthSettings.fromOptions("basic", "WSMAN", false, false, null, null, false))
                .hasMessage("spnService: applies only to auth kerberos or negotiate (auth is basic)");
        assertThatThrownBy(() -> AuthSettings.fromOptions("negotiate", "HOST", false, false, null, null, false))
                .hasMessage("spnService: invalid value 'HOST': allowed HTTP, WSMAN");
        assertThatThrownBy(() -> AuthSettings.fromOptions("digest", null, false, false, null, null, false))
                .hasMessage("auth: invalid value 'digest': allowed basic, ntlm, kerberos, negotiate");
    }
}
