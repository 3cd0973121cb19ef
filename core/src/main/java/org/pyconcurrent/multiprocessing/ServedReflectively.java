package org.pyconcurrent.multiprocessing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An object of a type registered with {@link BaseManager#register}: its public methods, called
 * by reflection (CPython's AutoProxy). Only the exposed ones: those named at registration, or
 * else every public method but {@code Object}'s ({@code toString} stays). A call names the method
 * alone (the overload is chosen by the arguments' run-time types, as CPython would have it) or
 * with its parameter types, {@code add(int,int)}, as a typed proxy does.
 */
final class ServedReflectively implements Served {
    private static final Map<Class<?>, Map<String, Method>> CACHE = new ConcurrentHashMap<>();

    private final String typeId;
    private final Object target;
    private final Set<String> exposed;

    /**
     * @param exposed the method names the type exposes; null for every public one
     */
    ServedReflectively(String typeId, Object target, Set<String> exposed) {
        this.typeId = typeId;
        this.target = target;
        this.exposed = exposed;
    }

    @Override
    public Object call(String method, List<Object> args) throws Exception {
        int paren = method.indexOf('(');
        String name = paren < 0 ? method : method.substring(0, paren);
        if (!exposedHere(name)) {
            throw Served.notExposed("'" + typeId + "' object", name, exposedNames());
        }
        Method m = find(method, name, args);
        try {
            return m.invoke(target, args.toArray());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    private boolean exposedHere(String name) {
        if (exposed != null) {
            return exposed.contains(name);
        }
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && exposable(m)) {
                return true;
            }
        }
        return false;
    }

    private List<String> exposedNames() {
        Set<String> names = new TreeSet<>();
        if (exposed != null) {
            names.addAll(exposed);
        } else {
            for (Method m : target.getClass().getMethods()) {
                if (exposable(m)) {
                    names.add(m.getName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static boolean exposable(Method m) {
        return !Modifier.isStatic(m.getModifiers())
                && (m.getDeclaringClass() != Object.class || m.getName().equals("toString"));
    }

    /** The method to call, from the cache or looked up. */
    private Method find(String signature, String name, List<Object> args) {
        StringBuilder key = new StringBuilder(signature).append('/');
        for (Object a : args) {
            key.append(a == null ? "null" : a.getClass().getName()).append(',');
        }
        Map<String, Method> methods = CACHE.computeIfAbsent(target.getClass(), c -> new ConcurrentHashMap<>());
        Method m = methods.get(key.toString());
        if (m == null) {
            m = lookUp(signature, name, args);
            methods.put(key.toString(), m);
        }
        return m;
    }

    private Method lookUp(String signature, String name, List<Object> args) {
        List<Method> candidates = new ArrayList<>();
        for (Method m : target.getClass().getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != args.size() || !exposable(m)) {
                continue;
            }
            if (signature.equals(name) ? applicable(m, args) : signature.equals(signatureOf(m))) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("'" + typeId + "' object (" + target.getClass().getName()
                    + ") has no public method " + signature + " for " + args.size() + " argument(s) " + args);
        }
        if (candidates.size() > 1 && signature.equals(name)) {
            throw new IllegalArgumentException("ambiguous call of " + name + " on '" + typeId + "' with arguments "
                    + args + ": " + candidates + "; name the parameter types, as in " + signatureOf(candidates.get(0)));
        }
        return accessible(candidates.get(0));
    }

    /** The method's signature as a call names it: {@code name(type,type)}. */
    static String signatureOf(Method m) {
        StringBuilder s = new StringBuilder(m.getName()).append('(');
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            s.append(i == 0 ? "" : ",").append(types[i].getName());
        }
        return s.append(')').toString();
    }

    private static boolean applicable(Method m, List<Object> args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Object a = args.get(i);
            Class<?> t = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (a == null ? types[i].isPrimitive() : !t.isInstance(a)) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    /**
     * The same method as declared by a public class or interface, which reflection may call even
     * when the object's own class is not public; else the method itself, made accessible.
     */
    private static Method accessible(Method m) {
        Method viaPublic = viaPublicType(m.getDeclaringClass(), m);
        if (viaPublic != null) {
            return viaPublic;
        }
        try {
            m.setAccessible(true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot call " + m + ": its class is not open to pyconcurrent ("
                    + e.getMessage() + ")", e);
        }
        return m;
    }

    private static Method viaPublicType(Class<?> type, Method m) {
        if (type == null) {
            return null;
        }
        if (Modifier.isPublic(type.getModifiers()) && type.getModule().isExported(type.getPackageName())) {
            try {
                return type.getMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                // not declared here
            }
        }
        for (Class<?> i : type.getInterfaces()) {
            Method found = viaPublicType(i, m);
            if (found != null) {
                return found;
            }
        }
        return viaPublicType(type.getSuperclass(), m);
    }
}
