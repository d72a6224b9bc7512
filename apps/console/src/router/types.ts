import type { Role } from '@baitong/contracts';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    titleKey?: string;
    /** Reachable without signing in. */
    public?: boolean;
    /** Only these roles may open the page. */
    roles?: readonly Role[];
  }
}

export {};
