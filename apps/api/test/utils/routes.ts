import { METHODS } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';

interface RouteLike {
  path: unknown;
  methods: Record<string, boolean>;
}
interface LayerLike {
  route?: RouteLike;
  handle?: { stack?: LayerLike[] };
}

/**
 * Every HTTP route the running app answers, as "METHOD /path" (`/api/cases/:id`), read from the
 * Express router the app really dispatches through, so nothing registered can be missed.
 */
export function httpRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: LayerLike[] } };
  const found = new Set<string>();
  const walk = (stack: LayerLike[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const on = Object.entries(layer.route.methods).filter(([m, v]) => v && m !== '_all');
        // A route for every method is a catch-all, not an operation: Nest's not-found handler
        // on the paths outside the global prefix (`/health/live`) answers every method.
        if (on.length >= METHODS.length) continue;
        const paths = ([] as unknown[]).concat(layer.route.path);
        for (const path of paths)
          for (const [method] of on) found.add(`${method.toUpperCase()} ${String(path)}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk(express.router.stack);
  return [...found].sort();
}
