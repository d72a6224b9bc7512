// Types for Code for America's open311 client (npm open311@0.0.12, plain JavaScript), as far as
// the client test uses it. Callbacks are Node style: the error is `true`, a status code or null.
declare module 'open311' {
  type Callback = (err: unknown, data: unknown) => void;
  interface Open311Options {
    endpoint?: string;
    discovery?: string;
    format?: 'json' | 'xml';
    jurisdiction?: string;
    apiKey?: string;
  }
  class Open311 {
    constructor(options: Open311Options);
    endpoint?: string;
    format: 'json' | 'xml';
    serviceDiscovery(options: Record<string, unknown>, callback: Callback): void;
    serviceList(callback: Callback): void;
    serviceDefinition(serviceCode: string, callback: Callback): void;
    submitRequest(data: Record<string, unknown>, callback: Callback): void;
    token(token: string, callback: Callback): void;
    serviceRequests(
      idOrParams: string | string[] | Record<string, unknown>,
      params: Record<string, unknown> | Callback,
      callback?: Callback,
    ): void;
    serviceRequest(
      idOrParams: string | string[] | Record<string, unknown>,
      params: Record<string, unknown> | Callback,
      callback?: Callback,
    ): void;
  }
  export = Open311;
}
