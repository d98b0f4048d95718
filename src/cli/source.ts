/**
 * A file's bytes made a printing's source, as the single run and each batch item both read one:
 * refused when over the size limit, decoded, and named as the reports name it.
 */
import {decode, DecodeError} from '../core/decode.js';
import type {ReportSource} from '../report/index.js';
import {describeTooLarge, InputError, maxInputBytes} from './errors.js';

/**
 * The source in `bytes`, read from `file` (`-` for standard input).
 *
 * @throws InputError with one line that says what is wrong and what to do.
 */
export function sourceFromBytes(file: string, bytes: Uint8Array): ReportSource {
	const shown = file === '-' ? 'standard input' : file;
	if (bytes.length > maxInputBytes) throw new InputError(describeTooLarge(shown));
	try {
		const {text, lineEnd, encoding} = decode(bytes, shown);
		return {name: file === '-' ? '(standard input)' : file, text, lineEnd, encoding};
	} catch (error) {
		if (error instanceof DecodeError) throw new InputError(error.message);
		throw error;
	}
}
