// The fake socket is shared with the resident app's tests.
export { FakeSocket, socketRecorder } from '@baitong/web-client/testing';
