// Open311 GeoReport v2 with Baitong's China profile (docs/OPEN311.md): the client applications
// that file requests through `/open311/v2/`, the category fields that become a service
// definition's attributes, and the coordinate datums converted at the edges.

/** Datums a client may send or ask for; WGS-84 is the only one stored inside Baitong. */
export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** GeoReport v2 attribute datatypes, exactly as the specification names them. */
export const OPEN311_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type Open311Datatype = (typeof OPEN311_DATATYPES)[number];

/** One value of a list field: `key` is what a client sends, the names are shown. */
export interface CategoryFieldValue {
  key: string;
  nameZh: string;
  nameEn: string;
}

/**
 * A question a category asks on intake (a service definition's attribute). `code` is the
 * `attribute[code]` a client sends; `variable: false` marks an informational text only.
 */
export interface CategoryField {
  code: string;
  datatype: Open311Datatype;
  variable: boolean;
  required: boolean;
  order: number;
  descriptionZh: string;
  descriptionEn: string;
  /** Only for singlevaluelist and multivaluelist; at least one. */
  values?: CategoryFieldValue[];
}

/** The Open311 face of a category: whether clients see it, and how they find it. */
export interface CategoryOpen311 {
  /** Listed in `services.{format}` and open to clients; internal categories are not. */
  public: boolean;
  descriptionZh: string | null;
  descriptionEn: string | null;
  keywords: string[];
  fields: CategoryField[];
}

/** Which case channel a client's requests enter with. */
export const API_CLIENT_CHANNELS = ['open311', 'hotline_12345'] as const;
export type ApiClientChannel = (typeof API_CLIENT_CHANNELS)[number];

/** A client application allowed to file requests; the key itself is never stored or shown again. */
export interface ApiClient {
  id: string;
  name: string;
  /** Who runs it: a person or office, and how to reach them. */
  contact: string | null;
  channel: ApiClientChannel;
  /** The key's first characters, to tell keys apart ("bt311_k3J9…"). */
  keyPrefix: string;
  /** Category codes this client may file into; empty means every public category. */
  categoryCodes: string[];
  /** Streets this client may file into; empty means the whole district. */
  streetIds: string[];
  /** Requests per minute (reads and writes together). */
  rateLimitPerMinute: number;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
  /** Requests filed with this key so far. */
  requestCount: number;
}

/** The answer to issuing a key: the only time the key is shown. */
export interface IssuedApiClient {
  client: ApiClient;
  apiKey: string;
}

export interface CreateApiClientInput {
  name: string;
  contact?: string | null;
  channel: ApiClientChannel;
  categoryCodes?: string[];
  streetIds?: string[];
  rateLimitPerMinute?: number;
}

export type UpdateApiClientInput = Partial<
  Pick<
    CreateApiClientInput,
    'name' | 'contact' | 'categoryCodes' | 'streetIds' | 'rateLimitPerMinute'
  >
>;

/** On a case: which client filed it (console only; never in a public response). */
export interface CaseFiledBy {
  clientId: string;
  clientName: string;
  channel: ApiClientChannel;
  /** Open311 `attribute[code]` answers as sent, validated against the definition. */
  attributes: Record<string, string | number | string[]>;
  mediaUrl: string | null;
  /** Latitude and longitude in WGS-84, as stored. */
  position: { lat: number; lng: number } | null;
}
