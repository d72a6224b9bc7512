import type { Category, CategoryField, CategoryOpen311, Open311Datatype } from '@baitong/contracts';

// The category form's Open311 part: its editable shape, and the body it becomes. The limits are
// the API's (apps/api/src/cases/category-open311.dto.ts).

export const FIELD_CODE = /^[A-Za-z][\w-]{0,39}$/;
export const KEYWORDS_MAX = 20;
export const KEYWORD_MAX = 30;

export const isListDatatype = (d: Open311Datatype) =>
  d === 'singlevaluelist' || d === 'multivaluelist';

export interface Open311FieldForm {
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  order: number;
  descriptionZh: string;
  descriptionEn: string;
  values: { key: string; nameZh: string; nameEn: string }[];
}

export interface Open311Form {
  public: boolean;
  descriptionZh: string;
  descriptionEn: string;
  keywords: string[];
  fields: Open311FieldForm[];
}

export function open311Form(c: Category | null): Open311Form {
  const o = c?.open311;
  return {
    public: o?.public ?? true,
    descriptionZh: o?.descriptionZh ?? '',
    descriptionEn: o?.descriptionEn ?? '',
    keywords: [...(o?.keywords ?? [])],
    fields: (o?.fields ?? []).map((f) => ({
      code: f.code,
      datatype: f.datatype,
      required: f.required,
      order: f.order,
      descriptionZh: f.descriptionZh,
      descriptionEn: f.descriptionEn,
      values: (f.values ?? []).map((v) => ({ ...v })),
    })),
  };
}

/** The form as the API takes it: trimmed, values only on list fields. */
export function open311Body(f: Open311Form): CategoryOpen311 {
  return {
    public: f.public,
    descriptionZh: f.descriptionZh.trim() || null,
    descriptionEn: f.descriptionEn.trim() || null,
    keywords: f.keywords.map((k) => k.trim()).filter(Boolean),
    fields: f.fields.map((field): CategoryField => {
      const out: CategoryField = {
        code: field.code.trim(),
        datatype: field.datatype,
        variable: true,
        required: field.required,
        order: field.order,
        descriptionZh: field.descriptionZh.trim(),
        descriptionEn: field.descriptionEn.trim(),
      };
      if (isListDatatype(field.datatype))
        out.values = field.values.map((v) => ({
          key: v.key.trim(),
          nameZh: v.nameZh.trim(),
          nameEn: v.nameEn.trim(),
        }));
      return out;
    }),
  };
}
