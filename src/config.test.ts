import { ConfigError, loadConfig } from "./config";

const load = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv);
const failure = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (err) {
    return err instanceof ConfigError ? [err.variable, err.message] : err;
  }
  throw new Error("expected a ConfigError");
};

describe("METRICS settings", () => {
  it("is off by default", () => {
    expect(load({}).metrics).toEqual({ mode: "off" });
  });

  it("port: a port of its own on 127.0.0.1 unless told otherwise", () => {
    expect(load({ METRICS: "port" }).metrics).toEqual({ mode: "port", port: 9464, host: "127.0.0.1" });
    expect(load({ METRICS: "port", METRICS_PORT: "9100", METRICS_HOST: "0.0.0.0" }).metrics).toEqual({ mode: "port", port: 9100, host: "0.0.0.0" });
    expect(failure({ METRICS: "port", METRICS_PORT: "70000" })).toEqual(["METRICS_PORT", "Invalid configuration: METRICS_PORT must be a port number from 0 to 65535"]);
  });

  it("bearer: needs a token of 32+ characters, and never echoes it", () => {
    const token = "t".repeat(32);
    expect(load({ METRICS: "bearer", METRICS_TOKEN: token }).metrics).toEqual({ mode: "bearer", token });
    const message = "Invalid configuration: METRICS_TOKEN must be set to at least 32 characters without spaces when METRICS=bearer";
    expect(failure({ METRICS: "bearer" })).toEqual(["METRICS_TOKEN", message]);
    expect(failure({ METRICS: "bearer", METRICS_TOKEN: "short-secret" })).toEqual(["METRICS_TOKEN", message]);
    expect(failure({ METRICS: "bearer", METRICS_TOKEN: `${"a".repeat(20)} ${"b".repeat(20)}` })).toEqual(["METRICS_TOKEN", message]);
  });

  it("names METRICS for an unknown mode", () => {
    expect(failure({ METRICS: "on" })).toEqual(["METRICS", "Invalid configuration: METRICS must be off, port or bearer"]);
  });
});
