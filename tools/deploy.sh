#!/usr/bin/env bash
# Publish site/ to the union's portal: rsync over SSH into DEPLOY_PATH, deleting what the site no longer has.
# `rsync --delete` empties the target of everything that is not the site: a DEPLOY_PATH that is empty,
# the root, a home folder or a parent folder would wipe the host (or the portal). Those are refused before rsync runs.
# Needs DEPLOY_HOST, DEPLOY_USER, DEPLOY_PATH and DEPLOY_KEY (the workflows take them from their secrets).
set -euo pipefail

refuse() {
  printf '不能部署：%s\n' "$1" >&2
  exit 1
}

path="${DEPLOY_PATH:-}"
# Judged without blanks and trailing slashes: " / " and "//" are the root too.
bare="$(printf '%s' "$path" | tr -d '[:space:]' | sed -e 's:/*$::')"
case "$bare" in
  "" | "." | "~" | "\$HOME" | *..*)
    refuse "DEPLOY_PATH 是「${path}」。rsync --delete 会删掉目标文件夹里网站以外的全部文件：请在部署设置（GitHub 的 secrets 或 GitLab 的 CI 变量）里把 DEPLOY_PATH 设为网站自己的文件夹，如 /var/www/portal/jingsai。"
    ;;
esac
[ -n "${DEPLOY_HOST:-}" ] || refuse "没有设置 DEPLOY_HOST（门户服务器地址）。"
[ -n "${DEPLOY_USER:-}" ] || refuse "没有设置 DEPLOY_USER（登录门户服务器的用户名）。"
[ -f site/index.html ] || refuse "site/ 里没有 index.html：网站没有生成或生成失败，不能用空网站覆盖门户。请先运行 python -m generator build。"

key="$(mktemp)"
trap 'rm -f "$key"' EXIT
printf '%s\n' "${DEPLOY_KEY:-}" > "$key"
rsync -az --delete -e "ssh -i $key -o StrictHostKeyChecking=accept-new" site/ "$DEPLOY_USER@$DEPLOY_HOST:${path%/}/"
