import type { Category } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import type { CategoryEntity } from './case.entities';
import { type CategoryOpen311Dto, cleanField, open311Problems } from './category-open311.dto';
import type { CreateCategoryDto, UpdateCategoryDto } from './cases.dto';
import { toCategory } from './cases.mapper';
import { CasesRepository } from './cases.repository';

/** The catalogue is the bureau's: everyone reads it, only the bureau changes it. */
@Injectable()
export class CategoriesService {
  constructor(private readonly repo: CasesRepository) {}

  async list(
    actor: Actor,
    q: { kind?: Category['kind']; all?: 'true' | 'false' },
  ): Promise<Category[]> {
    const includeInactive = q.all === 'true' && actor.role === 'bureau_admin';
    return (await this.repo.listCategories({ kind: q.kind, includeInactive })).map(toCategory);
  }

  async create(actor: Actor, dto: CreateCategoryDto): Promise<Category> {
    this.bureau(actor);
    return toCategory(await this.repo.saveCategory(this.fields(dto)));
  }

  async update(actor: Actor, id: string, dto: UpdateCategoryDto): Promise<Category> {
    const existing = await this.repo.findCategory(id);
    if (!existing) throw AppException.notFound('Category');
    this.bureau(actor);
    if (dto.kind && dto.kind !== existing.kind)
      throw AppException.invalid(
        'kind',
        'a category keeps its kind; create a new one instead',
        'unchangeable',
      );
    return toCategory(await this.repo.saveCategory({ ...existing, ...this.fields(dto) }));
  }

  private bureau(actor: Actor): void {
    if (actor.role !== 'bureau_admin')
      throw AppException.forbidden('The category catalogue is edited by the bureau');
  }

  private fields(dto: Partial<CreateCategoryDto>): Partial<CategoryEntity> {
    const { resolveWithin, open311, ...rest } = dto;
    return {
      ...rest,
      ...(resolveWithin
        ? { resolveWithinValue: resolveWithin.value, resolveWithinUnit: resolveWithin.unit }
        : {}),
      ...(open311 ? this.open311(open311) : {}),
    };
  }

  /** The Open311 parts given, checked as a whole (unique codes and keys, values on list fields). */
  private open311(dto: CategoryOpen311Dto): Partial<CategoryEntity> {
    const problems = dto.fields ? open311Problems(dto.fields) : [];
    if (problems.length > 0)
      throw new AppException(
        'VALIDATION_FAILED',
        `Invalid fields: ${[...new Set(problems.map((p) => p.field))].join(', ')}`,
        problems,
      );
    const out: Partial<CategoryEntity> = {};
    if (dto.public !== undefined) out.public = dto.public;
    if (dto.descriptionZh !== undefined) out.descriptionZh = dto.descriptionZh || null;
    if (dto.descriptionEn !== undefined) out.descriptionEn = dto.descriptionEn || null;
    if (dto.keywords !== undefined) out.keywords = [...new Set(dto.keywords)];
    if (dto.fields !== undefined)
      out.fields = dto.fields.map(cleanField).sort((a, b) => a.order - b.order);
    return out;
  }
}
