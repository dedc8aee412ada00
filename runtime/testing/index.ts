/** Test helpers (package export "clarifai-typed/testing"). */
export { startTestServer, type TestServer, type TestServerOptions, type ReceivedRequest } from "./test-server.js";
export type { Handler, HandlerContext } from "./model-calls.js";
export type { Fault } from "./faults.js";
export { pythonJsonDumps } from "./python-json.js";
