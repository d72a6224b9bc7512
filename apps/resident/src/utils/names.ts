// Names and addresses in the reader's language, as in the other front end.
export { localAddress, localName, localText, type Named } from '@baitong/web-client';
