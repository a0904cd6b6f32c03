import { colorForName, type MeDto } from '@bullseye/shared';

/** How this person appears to others in an ICP: their account name, a colour stable per account. */
export function presenceUserOf(me: MeDto): { name: string; color: string } {
  return { name: me.user.name, color: colorForName(me.user.id) };
}
