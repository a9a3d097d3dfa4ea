package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Strimzi's crd-generator annotation of the same name, which the Strimzi api model carries at run time
 * but whose class (io.strimzi:crd-generator) is not in the reachable repository. With this class on the test class
 * path, reflection reads the annotations of the model; the manifest test uses them to apply the v1 CRD's rules
 * (see StrimziRules). Only the element the model sets is declared.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface Pattern {
    String value();
}
