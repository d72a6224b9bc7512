import {
  API_CLIENT_CHANNELS,
  type ApiClient,
  type ApiClientChannel,
  type IssuedApiClient,
} from '@baitong/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class ApiClientDto implements ApiClient {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty({ enum: API_CLIENT_CHANNELS }) channel: ApiClientChannel;
  @ApiProperty({ description: 'The key’s first characters, to tell keys apart' })
  keyPrefix: string;
  @ApiProperty({ type: [String], description: 'Empty: every public category' })
  categoryCodes: string[];
  @ApiProperty({ type: [String], description: 'Empty: the whole district' }) streetIds: string[];
  @ApiProperty() rateLimitPerMinute: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) createdByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) revokeReason: string | null;
  @ApiProperty({ description: 'Requests filed with this key so far' }) requestCount: number;
}

export class IssuedApiClientDto implements IssuedApiClient {
  @ApiProperty({ type: ApiClientDto }) client: ApiClientDto;
  @ApiProperty({ description: 'The key, shown this once; only its sha256 is kept' })
  apiKey: string;
}
