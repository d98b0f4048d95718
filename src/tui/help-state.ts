/**
 * The help widget's state (`?`): the first line shown, as the help scrolls on a short terminal;
 * its actions and reducer. The lines themselves come from the key table (`help-lines.ts`), which
 * the screen measures: this file imports nothing, so that the actions can name its own.
 */

/** The help screen: the first of its lines shown. */
export type HelpState = {readonly top: number};

/** What scrolls the help. */
export type HelpAction = {readonly type: 'help-down'} | {readonly type: 'help-up'};

/** The help scrolled by one line, its first line shown at most `lastTop` (its lines less the room for them). */
export function reduceHelp(help: HelpState, action: HelpAction, lastTop: number): HelpState {
	return {top: Math.min(Math.max(0, lastTop), Math.max(0, help.top + (action.type === 'help-down' ? 1 : -1)))};
}
