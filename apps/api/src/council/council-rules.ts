import { type CouncilRules, DEFAULT_COUNCIL_RULES } from '@baitong/contracts';
import type { CouncilEntity } from './council.entities';

/**
 * The supports a proposal needs to go on an agenda: a fixed count, or a share of the community's
 * households (rounded up) but never fewer than the minimum.
 */
export function supportThresholdOf(rules: CouncilRules, households: number): number {
  if (rules.supportThresholdKind === 'count') return rules.supportThresholdCount ?? 1;
  const share = Math.ceil((households * rules.supportSharePercent) / 100 - 1e-9);
  return Math.max(rules.supportMinimum, share);
}

/** Members who must be present for a meeting to decide, of `members` serving. */
export function quorumOf(rules: CouncilRules, members: number): number {
  switch (rules.quorumKind) {
    case 'more_than_half':
      return Math.floor(members / 2) + 1;
    case 'two_thirds':
      return Math.ceil((members * 2) / 3 - 1e-9);
    case 'count':
      return rules.quorumCount ?? 1;
  }
}

/** A council's rules; a community whose council has no row yet keeps the defaults. */
export function rulesOf(c: CouncilEntity | null): CouncilRules {
  if (!c) return { ...DEFAULT_COUNCIL_RULES };
  return {
    supportThresholdKind: c.supportThresholdKind,
    supportThresholdCount: c.supportThresholdCount,
    supportSharePercent: c.supportSharePercent,
    supportMinimum: c.supportMinimum,
    quorumKind: c.quorumKind,
    quorumCount: c.quorumCount,
    adoptionRule: c.adoptionRule,
  };
}

/**
 * The "for" votes that adopt a proposal, of `present` members at the meeting and `members` serving:
 * abstentions count among those present, so they weigh like a vote against; a tie does not adopt.
 */
export function votesToAdopt(rules: CouncilRules, present: number, members: number): number {
  switch (rules.adoptionRule) {
    case 'majority_of_present':
      return Math.floor(present / 2) + 1;
    case 'majority_of_members':
      return Math.floor(members / 2) + 1;
    case 'two_thirds_of_present':
      return Math.max(1, Math.ceil((present * 2) / 3 - 1e-9));
  }
}
