/**
 * Not API: types the annotation processor writes into generated code so that other modules'
 * processors can read it. They may change in any release without notice.
 */
package farm.moonx.events.annotations.internal;
