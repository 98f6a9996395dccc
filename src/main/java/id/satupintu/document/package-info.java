/**
 * Documents: checks uploaded files by their content, and issues signed output documents anyone can verify.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package id.satupintu.document;
