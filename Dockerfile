# Production image: the API serving the built console and resident app on one port.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install --global pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile && pnpm run build && pnpm --filter @baitong/api deploy --prod --legacy /out/api

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 CONSOLE_DIST=/app/web/console RESIDENT_DIST=/app/web/resident
COPY --from=build /out/api /app/api
COPY --from=build /app/apps/console/dist /app/web/console
COPY --from=build /app/apps/resident/dist /app/web/resident
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "api/dist/main.js"]
