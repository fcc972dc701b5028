// Field paths are also read by the renderer, which matches problem messages to
// the fields it shows, so the one formatter lives in shared/.
export { formatFieldPath } from '../../../shared/model/field-path';
