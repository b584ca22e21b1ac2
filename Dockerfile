# syntax=docker/dockerfile:1
# One image for every service of the 12345 federation; the command picks the service:
#   docker run … hotline-12345                                       → the gateway (the default CMD)
#   docker run … hotline-12345 dist/subgraphs/intake/src/main.js     → a subgraph
#   docker run … hotline-12345 dist/registry/src/main.js migrate     → a migration step
# Node 20 is the supported line; Node 22 works too: change the three FROM lines together, since the
# compiled better-sqlite3 addon of the prod-deps stage must match the runtime's Node ABI.

# --- build: dev dependencies and the TypeScript compiler, thrown away afterwards -----------------------------------
FROM node:20-bookworm AS build
WORKDIR /app
# A city behind a firewall points npm at its own mirror: --build-arg NPM_CONFIG_REGISTRY=https://…
ARG NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
COPY package.json package-lock.json ./
# npm ci is exact; the fallback covers registries that lack an optional platform package (as .ci/run does)
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY gateway ./gateway
COPY registry ./registry
COPY subgraphs ./subgraphs
COPY seeds ./seeds
# the explorer's bundle (GraphiQL into dist/explorer) is part of the build
COPY scripts/build-explorer.js ./scripts/
RUN npm run build
# the web console the gateway serves at / (console/dist), its types generated from the client schema first
COPY console ./console
COPY scripts/build-console.js scripts/console-codegen.js ./scripts/
RUN node scripts/build-console.js --force

# --- prod-deps: production dependencies only ----------------------------------------------------------------------
# Installed on the full image, not the slim one: better-sqlite3 (a dependency even when MySQL is used) downloads a
# prebuilt addon from GitHub and, where that is blocked or slow, compiles it, which needs python3, make and g++.
# Both images are Debian bookworm with the same Node, so the addon built here loads in the slim runtime.
FROM node:20-bookworm AS prod-deps
WORKDIR /app
ARG NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) \
    && npm cache clean --force

# --- runtime ------------------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
# tini as PID 1: the kernel gives PID 1 no default signal actions, so a node process that has not installed its
# SIGTERM handler yet (a service installs it once it listens, after its database opened, which waits out a database
# that is still starting) would ignore SIGTERM until SIGKILL. Under tini node is not PID 1: once installed, its own
# handler stops it cleanly within the stop deadline, and before that the default action ends it at once.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=true \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root and not writable by the node user: a compromised process cannot rewrite its own code.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/console/dist ./console/dist
# `node dist/seeds/main.js` (the catalogue and the sample tickets) runs from the image; no service reads files at
# run time otherwise (schema/supergraph.graphql is only compared by a test).
COPY seeds/data ./seeds/data
USER node
STOPSIGNAL SIGTERM
# No HEALTHCHECK: the port depends on the service the command starts; compose and Kubernetes probe /readyz per service.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--enable-source-maps"]
CMD ["dist/gateway/src/main.js"]
