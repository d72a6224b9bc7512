// The fake socket is shared with the console's tests.
export { FakeSocket, socketRecorder } from '@baitong/web-client/testing';
