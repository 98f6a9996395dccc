/**
 * Shared kernel: the application clock, typed ids and the domain error contract that every module uses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.satupintu.shared;
