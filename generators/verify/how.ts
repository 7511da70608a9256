// How to get what verify needs, in one place: the check before the first template (needs.ts) and the step that
// meets a service gone in the middle of a run say the same.

export const HOW = {
  npm: 'it comes with Node.js: https://nodejs.org',
  git: 'Debian/Ubuntu: apt-get install git (update needs 2.38 or newer)',
  postgres:
    'start one (Debian/Ubuntu: apt-get install postgresql), or set VERIFY_DATABASE_URL to a server where it may CREATE DATABASE',
  redis:
    'start one (Debian/Ubuntu: apt-get install redis-server, then redis-server --daemonize yes), or set VERIFY_REDIS_URL',
  chromium: 'Debian/Ubuntu: apt-get install chromium; or set CHROMIUM_PATH to a Chromium or Chrome',
  compose: "Debian/Ubuntu: apt-get install docker-compose (or Docker's Compose plugin, `docker compose`)",
  dockerCli: 'Debian/Ubuntu: apt-get install docker.io',
  dockerEngine:
    "start one (systemctl start docker; on the project's CI machines ../shared/tools/docker-engine.sh)",
} as const;
