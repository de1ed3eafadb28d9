// The areas (LSOAs and wards) in the server's index order, cached until the server says they changed.
import { get } from './api.js';

let cached;
export function areas(refresh = false) {
  if (!cached || refresh) cached = get('/api/areas');
  return cached;
}

export function invalidateAreas() {
  cached = undefined;
}
