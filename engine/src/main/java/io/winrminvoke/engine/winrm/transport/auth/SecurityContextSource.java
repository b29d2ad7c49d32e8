package io.winrminvoke.engine.winrm.transport.auth;

/** Makes the security context of one new connection, bound to that connection's TLS channel if any. */
@FunctionalInterface
public interface SecurityContextSource {

    SecurityContext newContext(ChannelBindings bindings) throws AuthProtocolException;
}
