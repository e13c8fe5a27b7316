# Arena: one image, the role is chosen by the command (arena miner | validator | devchain | leaderboard | up).
#
#   docker build -t arena .                      # CPU target (default): tfjs wasm backend
#   docker build -t arena:gpu --target gpu .     # GPU target: @tensorflow/tfjs-node-gpu on a CUDA base image
#
# Data and wallets are volumes: /data (miner checkpoints, validator state, chain data) and
# /home/node/.bittensor/wallets (Bittensor wallet layout).

ARG NODE_VERSION=20

# ---- dependencies (shared by both targets) ----------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
# python3/make/g++ build native add-ons (classic-level falls back to them when no prebuild fits).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY . .
# Dev dependencies are needed to build the dashboard's static page; pruned afterwards.
RUN npm ci --no-audit --no-fund && npm run build:dashboard && npm prune --omit=dev --no-audit --no-fund

# ---- GPU target -------------------------------------------------------------------------------
# tfjs-node-gpu 4.x loads libtensorflow 2.9.1, built for CUDA 11.2 and cuDNN 8.1: the base image must match
# (any other CUDA and TensorFlow silently runs on the CPU). Versions table: training/README.md.
FROM nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04 AS gpu
ARG NODE_MAJOR=20
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates gnupg python3 make g++ \
    && curl -fsSL https://deb.nodesource.com/setup_${NODE_MAJOR}.x | bash - \
    && apt-get install -y --no-install-recommends nodejs && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 node
ENV NODE_ENV=production ARENA_MINER_BACKEND=tensorflow-gpu
WORKDIR /app
COPY --from=deps /app ./
# node_modules was installed on Debian bookworm (glibc 2.36) and this base is Ubuntu 20.04 (glibc 2.31): the one
# native add-on, classic-level, loads its prebuild (needs glibc 2.28); fail the build here, not at first start,
# should it ever have been compiled from source against the newer glibc instead.
RUN node -e "require('classic-level')"
# The native GPU backend downloads libtensorflow at install time, which works on a normal build host.
RUN npm install --no-save --no-audit --no-fund @tensorflow/tfjs-node-gpu@4.22.0
RUN mkdir -p /data /home/node/.bittensor/wallets && chown -R node:node /data /home/node/.bittensor
USER node
VOLUME ["/data", "/home/node/.bittensor/wallets"]
EXPOSE 8091 9100 9944 8080
ENTRYPOINT ["node", "cli/bin/arena.js"]
CMD ["--help"]

# ---- CPU target (last stage, so the default) -------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS cpu
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app ./
RUN mkdir -p /data /home/node/.bittensor/wallets && chown -R node:node /data /home/node/.bittensor
USER node
VOLUME ["/data", "/home/node/.bittensor/wallets"]
# gRPC (miner), metrics, devchain RPC, dashboard
EXPOSE 8091 9100 9944 8080
ENTRYPOINT ["node", "cli/bin/arena.js"]
CMD ["--help"]

