// Test fakes for the apps' and this package's tests; imports vitest, never part of an app bundle.
export { FakeSocket, socketRecorder } from './fake-socket.js';
export {
  apiErrorResponse,
  fetchCalls,
  headersOf,
  jsonResponse,
  stubFetch,
  stubFetchWith,
  type FetchHandler,
  type RecordedCall,
  type Responder,
  type Routes,
} from './fetch.js';
