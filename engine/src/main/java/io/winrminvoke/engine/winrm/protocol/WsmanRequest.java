package io.winrminvoke.engine.winrm.protocol;

/** A WinRS request that can be serialized into a SOAP envelope for one endpoint. */
public interface WsmanRequest {

    WsmanAction action();

    SoapRequest toSoap(RequestContext context);
}
