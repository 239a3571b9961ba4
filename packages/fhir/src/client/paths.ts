/**
 * Paths of the Milieu HTTP contract that the saver's `fetch` answers.
 *
 * @module
 */
import { API_BASE_PATH } from '@milieu/core';

/** `POST /api/v1/attendance`: one attendance record. */
export const ATTENDANCE_PATH_SUFFIX = `${API_BASE_PATH}/attendance`;
