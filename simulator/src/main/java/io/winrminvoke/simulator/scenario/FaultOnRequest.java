package io.winrminvoke.simulator.scenario;

import io.winrminvoke.simulator.wsman.WsmanFault;

/** Answer the {@code n}th request a host receives (1-based, counting every HTTP request) with {@code fault}. */
public record FaultOnRequest(int n, WsmanFault fault) {
}
