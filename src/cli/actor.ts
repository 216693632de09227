/** The actor for CLI writes: --as, else $USER, else "unknown". */
export function actorFrom(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return explicit?.trim() || env.USER?.trim() || env.LOGNAME?.trim() || 'unknown';
}
