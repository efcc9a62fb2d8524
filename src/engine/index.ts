/** The engine's public API: exact decimals, value reading, policies, rules, PERF function bodies. */
export * from "./types";
export * from "./decimal";
export * from "./value";
export * from "./policy";
export * from "./rules";
export * as perf from "./perf";
export type { PerfError, Raw } from "./perf";
