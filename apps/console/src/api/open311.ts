import type {
  ApiClient,
  CreateApiClientInput,
  IssuedApiClient,
  UpdateApiClientInput,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

// Open311 client applications and their keys (the bureau's; the monitor reads the list).

const client = (id: string) => `/open311/clients/${encodeURIComponent(id)}`;

export const listApiClients = (options: CallOptions = {}) =>
  request<ApiClient[]>('/open311/clients', options);

/** The answer carries the key: the only time it is ever shown. */
export const issueApiClient = (body: CreateApiClientInput, options: CallOptions = {}) =>
  request<IssuedApiClient>('/open311/clients', { ...options, method: 'POST', body });

export const updateApiClient = (
  id: string,
  body: UpdateApiClientInput,
  options: CallOptions = {},
) => request<ApiClient>(client(id), { ...options, method: 'PATCH', body });

/** The key stops working at once (403 for the client). */
export const revokeApiClient = (id: string, reason: string, options: CallOptions = {}) =>
  request<ApiClient>(`${client(id)}/revoke`, { ...options, method: 'POST', body: { reason } });
