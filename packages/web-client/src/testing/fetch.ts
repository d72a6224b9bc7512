import { vi, type Mock } from 'vitest';

/** A response with a JSON body (none when `body` is undefined). */
export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });
}

/** An answer in the API's error shape. */
export function apiErrorResponse(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
): Response {
  return jsonResponse(status, {
    statusCode: status,
    code,
    message: `${code} (server text)`,
    ...extra,
  });
}

/** One call the page made, as the server saw it; header names in lower case. */
export interface RecordedCall {
  method: string;
  /** Path and query, e.g. `/api/cases?page=2`. */
  path: string;
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined for none or a multipart body. */
  body: unknown;
}

export type Responder = (call: RecordedCall) => Response | Promise<Response>;
export type Routes = Record<string, Responder | Response | (() => Response)>;

function record(input: RequestInfo | URL, init?: RequestInit): RecordedCall {
  const url = new URL(String(input), 'http://localhost');
  const headers = Object.fromEntries(
    Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [
      k.toLowerCase(),
      v,
    ]),
  );
  const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
  const method = (init?.method ?? 'GET').toUpperCase();
  return { method, path: url.pathname + url.search, headers, body };
}

/**
 * Replaces `fetch` with a table of routes: "METHOD /api/path" (no query) → response or
 * responder. Unknown routes answer 404 in the API's error shape, so a test never silently
 * reaches the network.
 */
export function stubFetch(routes: Routes) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = record(input, init);
    calls.push(call);
    const responder = routes[`${call.method} ${call.path.split('?')[0]}`];
    if (!responder) {
      return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no route' });
    }
    if (responder instanceof Response) return responder.clone();
    return (responder as Responder)(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export type FetchHandler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** Replaces `fetch` with one handler that sees every call's URL and options. */
export function stubFetchWith(handler: FetchHandler): Mock<FetchHandler> {
  const fetchMock = vi.fn<FetchHandler>((url, init) => handler(String(url), init ?? {}));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The calls made to a `fetch` mock, as `METHOD url` strings, in order. */
export function fetchCalls(fetchMock: Mock<FetchHandler>): string[] {
  return fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`);
}

/** The headers call `index` of a `fetch` mock was made with. */
export function headersOf(fetchMock: Mock<FetchHandler>, index: number): Record<string, string> {
  return (fetchMock.mock.calls[index]?.[1]?.headers ?? {}) as Record<string, string>;
}
