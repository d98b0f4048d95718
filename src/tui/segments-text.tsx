import {Text} from 'ink';
import type {Segment} from './highlight.js';
import type {Theme} from './theme.js';

/** Props of `SegmentsText`. */
export type SegmentsTextProps = {
	readonly segments: readonly Segment[];
	readonly theme: Theme;
	/** Colour of differing runs: red for printing A, green for B. */
	readonly changeColor: 'red' | 'green';
};

/** Runs of text with the differing ones in colour (their markers are already in the text). */
export function SegmentsText({segments, theme, changeColor}: SegmentsTextProps) {
	return (
		<>
			{segments.map((segment, index) =>
				segment.changed && theme.color ? (
					<Text key={index} bold color={changeColor}>
						{segment.text}
					</Text>
				) : (
					<Text key={index}>{segment.text}</Text>
				),
			)}
		</>
	);
}
