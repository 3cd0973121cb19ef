/**
 * Implementation helpers shared by the API packages. Not exported by the module and not part of
 * the public API: anything here may change without notice.
 */
package org.pyconcurrent.internal;
