import { isDirectory, ResponseContract, ResponseContractOptions } from './response-contract';
import { readTemplates } from '../checks/template-reader';

/**
 * The contract of every template under `paths` (template files, OpenAPI definitions, cloud assembly
 * directories). Throws `InputError` for the first input that cannot be read.
 */
export function contractOfPaths(paths: readonly string[], options: ResponseContractOptions = {}): ResponseContract {
  // Stacks are named when there can be several: a cloud assembly, or more than one input.
  const named = paths.length > 1 || paths.some(isDirectory);
  return ResponseContract._fromFiles(paths.flatMap(p => readTemplates(p)), named, options);
}
