package io.winrminvoke.simulator;

/** Which certificate the HTTPS endpoints present; both are generated when the fleet starts. */
public enum TlsMode {
    /** A server certificate signed by a generated CA; trust {@link FleetTls#caCertificatePem()}. */
    CA_SIGNED,
    /** A self-signed server certificate, as `New-SelfSignedCertificate` makes on Windows. */
    SELF_SIGNED
}
