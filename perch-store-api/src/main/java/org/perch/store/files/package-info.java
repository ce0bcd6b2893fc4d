/** The catalogue of files posted in rooms (XEP-0363 HTTP File Upload): what each file is, whose, and where posted. */
package org.perch.store.files;
