/**
 * The one-line prompt widget's state (a search, a correction, a note, a file name): its value and
 * caret, its actions and its reducer. Pure; the screen opens it, and words what is submitted.
 */

/** A one-line text input: its value and the caret position in code units. */
export type PromptState = {readonly value: string; readonly caret: number};

/** What typing does to a prompt. */
export type PromptAction =
	| {readonly type: 'prompt-insert'; readonly text: string}
	| {readonly type: 'prompt-backspace'}
	| {readonly type: 'prompt-left'}
	| {readonly type: 'prompt-right'}
	| {readonly type: 'prompt-home'}
	| {readonly type: 'prompt-end'}
	| {readonly type: 'prompt-clear'};

/** A prompt holding `value`, the caret at its end. */
export function promptOf(value: string): PromptState {
	return {value, caret: value.length};
}

/** Whether an action is one of the prompt's own. */
export function isPromptAction(action: {readonly type: string}): action is PromptAction {
	return action.type.startsWith('prompt-') && action.type !== 'prompt-submit' && action.type !== 'prompt-cancel';
}

/** The prompt after typing. Pure and total. */
export function reducePrompt(prompt: PromptState, action: PromptAction): PromptState {
	const {value, caret} = prompt;
	switch (action.type) {
		case 'prompt-insert': {
			// Pasted line breaks become spaces: a reading is one line.
			const text = action.text.replaceAll(/[\r\n]+/g, ' ');
			return {value: value.slice(0, caret) + text + value.slice(caret), caret: caret + text.length};
		}

		case 'prompt-backspace': {
			if (caret === 0) return prompt;
			const cut = caret - 1 > 0 && /[\uDC00-\uDFFF]/.test(value[caret - 1]!) ? 2 : 1;
			return {value: value.slice(0, caret - cut) + value.slice(caret), caret: caret - cut};
		}

		case 'prompt-left': {
			return {value, caret: Math.max(0, caret - 1)};
		}

		case 'prompt-right': {
			return {value, caret: Math.min(value.length, caret + 1)};
		}

		case 'prompt-home': {
			return {value, caret: 0};
		}

		case 'prompt-end': {
			return {value, caret: value.length};
		}

		case 'prompt-clear': {
			return {value: '', caret: 0};
		}
	}
}
