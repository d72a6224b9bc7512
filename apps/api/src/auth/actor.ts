import type { ApiClientChannel, Role, ScopeLevel } from '@baitong/contracts';

/** Who is calling, resolved once per request from the access token. */
export interface Actor {
  kind: 'staff' | 'resident';
  id: string;
  sessionId: string;
  role: Role;
  name: string;
  scopeLevel: ScopeLevel;
  /** The street, community or compound id of the scope; 'district' for district-wide roles. */
  scopeId: string;
  streetId: string | null;
  communityId: string | null;
  compoundId: string | null;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  knd: Actor['kind'];
  rol: Role;
  nam: string;
  sl: ScopeLevel;
  si: string;
  st: string | null;
  cm: string | null;
  cp: string | null;
}

export function actorFromClaims(c: AccessClaims): Actor {
  return {
    kind: c.knd,
    id: c.sub,
    sessionId: c.sid,
    role: c.rol,
    name: c.nam,
    scopeLevel: c.sl,
    scopeId: c.si,
    streetId: c.st,
    communityId: c.cm,
    compoundId: c.cp,
  };
}

export function claimsFromActor(a: Omit<Actor, 'sessionId'>, sessionId: string): AccessClaims {
  return {
    sub: a.id,
    sid: sessionId,
    knd: a.kind,
    rol: a.role,
    nam: a.name,
    sl: a.scopeLevel,
    si: a.scopeId,
    st: a.streetId,
    cm: a.communityId,
    cp: a.compoundId,
  };
}

/**
 * Jobs and reactions act as this named actor, through the same service methods as staff; the
 * reason (`overdue`, `desk_hours_changed`, `followup_dissatisfied` …) is recorded with each event.
 */
export interface SystemActor {
  kind: 'system';
  id: null;
  name: 'system';
  reason: string;
}

export const systemActor = (reason: string): SystemActor => ({
  kind: 'system',
  id: null,
  name: 'system',
  reason,
});

/**
 * A client application calling Open311 with its API key (another app, the 12345 hotline): its
 * writes are attributed to the client by id and name in case events, domain events and the
 * audit log. `categoryCodes` / `streetIds` empty: no limit.
 */
export interface ClientActor {
  kind: 'client';
  id: string;
  name: string;
  channel: ApiClientChannel;
  categoryCodes: string[];
  streetIds: string[];
}

/** Anyone whose change is recorded: a person, a client application, or the system with its reason. */
export type ChangeActor = Actor | SystemActor | ClientActor;
