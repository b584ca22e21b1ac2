import { execFileSync } from 'node:child_process';

/** Which commit a check or publish came from, as CI systems and git say it; each part absent when unknown. */
export interface GitContext {
  commit: string | null;
  branch: string | null;
  author: string | null;
}

const git = (...args: string[]): string | null => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim() || null;
  } catch {
    return null;
  }
};

/**
 * The CI's own variables first (GitHub Actions, GitLab CI, Jenkins name them;
 * a detached checkout has no branch to ask git for), then the working copy.
 */
export function gitContext(env: NodeJS.ProcessEnv): GitContext {
  const commit = env.GIT_COMMIT || env.GITHUB_SHA || env.CI_COMMIT_SHA || git('rev-parse', 'HEAD');
  const branch = env.GIT_BRANCH || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.CI_COMMIT_REF_NAME || git('rev-parse', '--abbrev-ref', 'HEAD');
  const author = env.GIT_AUTHOR || env.CI_COMMIT_AUTHOR || git('log', '-1', '--format=%an <%ae>');
  return { commit: commit?.slice(0, 64) ?? null, branch: branch === 'HEAD' ? null : (branch?.slice(0, 200) ?? null), author: author?.slice(0, 200) ?? null };
}
