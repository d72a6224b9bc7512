// Phone numbers are normalised, checked and masked as the console does.
export { isMainlandMobile, maskPhone, normalizePhone } from '@baitong/web-client';
