import type {
  Page,
  ProposalComment,
  ProposalDetail,
  ProposalEvent,
  ProposalListItem,
  SimilarProposal,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ID, UuidPipe } from '../common/uuid.pipe';
import {
  AddCommentDto,
  AddProposalPhotosDto,
  CreateProposalDto,
  HideCommentDto,
  MergeProposalDto,
  PromoteCasesDto,
  ProposalListQuery,
  ProposalTransitionDto,
  SimilarTextQueryDto,
  UpdateProposalDto,
} from './council.dto';
import {
  ProposalCommentDto,
  ProposalDetailDto,
  ProposalEventDto,
  ProposalPageDto,
  SimilarProposalDto,
} from './council.responses';
import { ProposalCommentsService } from './proposal-comments.service';
import { ProposalDraftsService } from './proposal-drafts.service';
import { ProposalPromotionService } from './proposal-promotion.service';
import { ProposalSupportsService } from './proposal-supports.service';
import { ProposalsService } from './proposals.service';

@ApiTags('council')
@ApiBearerAuth()
@Controller()
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly supports: ProposalSupportsService,
    private readonly comments: ProposalCommentsService,
    private readonly promotion: ProposalPromotionService,
    private readonly drafts: ProposalDraftsService,
  ) {}

  @Post('proposals')
  @ApiOperation({
    summary: 'Write a proposal (a resident’s own, or staff for a resident): a draft to submit',
  })
  @ApiCreatedResponse({ type: ProposalDetailDto, description: 'The draft' })
  create(@CurrentActor() a: Actor, @Body() dto: CreateProposalDto): Promise<ProposalDetail> {
    return this.proposals.create(a, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposals/from-cases')
  @ApiOperation({
    summary: 'Take one or several concern cases to the council as one submitted proposal',
  })
  @ApiCreatedResponse({ type: ProposalDetailDto, description: 'The proposal, linked to its cases' })
  promote(@CurrentActor() a: Actor, @Body() dto: PromoteCasesDto): Promise<ProposalDetail> {
    return this.promotion.promote(a, dto);
  }

  @Get('proposals')
  @ApiOperation({
    summary: 'Proposals of the communities in the caller’s scope (a resident: theirs)',
  })
  @ApiOkResponse({ type: ProposalPageDto, description: 'One page, latest change first' })
  list(@CurrentActor() a: Actor, @Query() q: ProposalListQuery): Promise<Page<ProposalListItem>> {
    return this.proposals.list(a, q);
  }

  // Declared before `proposals/:id`, which would take "similar" for an id.
  @Get('proposals/similar')
  @ApiOperation({
    summary: 'Proposals of the community like the words being typed for a new one (pg_trgm)',
  })
  @ApiOkResponse({ type: [SimilarProposalDto], description: 'Most similar first' })
  similarText(
    @CurrentActor() a: Actor,
    @Query() q: SimilarTextQueryDto,
  ): Promise<SimilarProposal[]> {
    return this.drafts.similarText(a, q);
  }

  @Get('proposals/:id')
  @ApiOperation({ summary: 'One proposal with its photos, cases and the caller’s actions' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The proposal' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalDetail> {
    return this.proposals.detail(a, id);
  }

  @Patch('proposals/:id')
  @ApiOperation({ summary: 'Change the text, topic or compound before screening ends' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The proposal after the change' })
  update(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateProposalDto,
  ): Promise<ProposalDetail> {
    return this.proposals.update(a, id, dto);
  }

  @Get('proposals/:id/events')
  @ApiOperation({ summary: 'The proposal’s timeline, oldest first' })
  @ApiOkResponse({ type: [ProposalEventDto], description: 'Its events of the one stream' })
  events(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalEvent[]> {
    return this.proposals.events(a, id);
  }

  @Get('proposals/:id/similar')
  @ApiOperation({ summary: 'Proposals of the community that say much the same (pg_trgm)' })
  @ApiOkResponse({ type: [SimilarProposalDto], description: 'Most similar first' })
  similar(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<SimilarProposal[]> {
    return this.proposals.similar(a, id);
  }

  @Post('proposals/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit, start screening, open for support, reject (with a reason) or withdraw',
  })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The proposal after the move' })
  transition(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: ProposalTransitionDto,
  ): Promise<ProposalDetail> {
    return this.proposals.transition(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposals/:id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge into a duplicate of the same community, with its supports' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The merged proposal' })
  merge(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: MergeProposalDto,
  ): Promise<ProposalDetail> {
    return this.proposals.merge(a, id, dto);
  }

  @Post('proposals/:id/photos')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add own uploaded photos to a draft (nine at most in all)' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The draft with the photos' })
  addPhotos(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AddProposalPhotosDto,
  ): Promise<ProposalDetail> {
    return this.drafts.addPhotos(a, id, dto);
  }

  @Delete('proposals/:id/photos/:photoId')
  @ApiOperation({ summary: 'Take a photo off a draft' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The draft without the photo' })
  removePhoto(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('photoId', new UuidPipe('photoId')) photoId: string,
  ): Promise<ProposalDetail> {
    return this.drafts.removePhoto(a, id, photoId);
  }

  // Served as the image type it was checked to be, never sniffed, never kept by a shared cache.
  @Get('proposals/:id/photos/:photoId')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, max-age=3600')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @Header('Cross-Origin-Resource-Policy', 'same-site')
  @ApiOperation({ summary: "A proposal photo's bytes, to the proposal's readers" })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/heic')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'The image, as the type it was checked to be',
  })
  async photo(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('photoId', new UuidPipe('photoId')) photoId: string,
  ): Promise<StreamableFile> {
    const p = await this.proposals.photo(a, id, photoId);
    return new StreamableFile(p.bytes, {
      type: p.contentType,
      length: p.bytes.length,
      disposition: `inline; filename="${p.fileName}"`,
    });
  }

  @Roles('resident')
  @Post('proposals/:id/support')
  @HttpCode(200)
  @ApiOperation({ summary: 'Support a proposal of one’s community, once' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The proposal with the support' })
  support(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalDetail> {
    return this.supports.support(a, id);
  }

  @Roles('resident')
  @Delete('proposals/:id/support')
  @ApiOperation({ summary: 'Withdraw one’s support (kept on record as withdrawn)' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The proposal without the support' })
  withdrawSupport(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalDetail> {
    return this.supports.withdraw(a, id);
  }

  @Roles('resident')
  @Post('proposals/:id/follow')
  @HttpCode(200)
  @ApiOperation({ summary: 'Follow a proposal: be told of each of its steps' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The proposal, followed' })
  follow(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalDetail> {
    return this.supports.follow(a, id);
  }

  @Roles('resident')
  @Delete('proposals/:id/follow')
  @ApiOperation({ summary: 'Stop following a proposal' })
  @ApiOkResponse({ type: ProposalDetailDto, description: 'The proposal, no longer followed' })
  unfollow(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalDetail> {
    return this.supports.unfollow(a, id);
  }

  @Get('proposals/:id/comments')
  @ApiOperation({
    summary: 'Comments on a proposal, oldest first (hidden ones without their text)',
  })
  @ApiOkResponse({ type: [ProposalCommentDto], description: 'The comments' })
  listComments(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalComment[]> {
    return this.comments.list(a, id);
  }

  @Post('proposals/:id/comments')
  @ApiOperation({ summary: 'Comment on a proposal (its community’s residents and staff)' })
  @ApiCreatedResponse({ type: ProposalCommentDto, description: 'The comment' })
  addComment(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AddCommentDto,
  ): Promise<ProposalComment> {
    return this.comments.add(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposal-comments/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a comment with a reason; it stays on record' })
  @ApiOkResponse({ type: ProposalCommentDto, description: 'The hidden comment' })
  hideComment(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: HideCommentDto,
  ): Promise<ProposalComment> {
    return this.comments.hide(a, id, dto);
  }
}
