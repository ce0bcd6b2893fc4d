/**
 * File posting (XEP-0363 HTTP File Upload, ADR 0007): upload slots, the files on disk, binding a file to the room it
 * is first posted in, and per-reader download URLs checked against that room's readers.
 */
package org.perch.domain.files;
