package org.triad.bank.interfaces.organisation.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.event.NodeSelectEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.TreeNode;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.organisation.OrganisationViews.DepartmentView;
import org.triad.bank.application.organisation.OrganisationViews.DocumentDownload;
import org.triad.bank.application.organisation.OrganisationViews.DocumentView;
import org.triad.bank.application.organisation.OrganisationViews.MemberView;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * Portal: one organisation ({@code ?id=}): its status, documents (administrators), department tree and members.
 * Administrators of an approved organisation create, rename, move and delete departments, invite by e-mail, change
 * roles and remove members. The service decides; this bean only shows what it answered.
 */
@Named
@ViewScoped
public class OrganisationDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OrganisationService organisations;

    @Inject
    CurrentUser user;

    private Long id;
    private OrganisationView organisation;
    private List<DepartmentView> departments;
    private List<MemberView> members;
    private List<DocumentView> documents;
    private TreeNode<DepartmentView> tree;
    private TreeNode<DepartmentView> selectedNode;

    private String departmentName;
    private Long departmentParent;
    private String inviteEmail;
    private String inviteRole = "MEMBER";
    private Long inviteDepartment;

    /** Opened as {@code organisation.xhtml?id=<id>}; somebody else's organisation is "not found" like a missing one. */
    @jakarta.annotation.PostConstruct
    void load() {
        String param = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("id");
        try {
            id = param == null ? null : Long.valueOf(param.trim());
        } catch (NumberFormatException e) {
            id = null;
        }
        if (id == null) {
            OrganisationMessages.error("organisation.loadFailed", OrganisationMessages.text("problem.organisation-not-found"));
            return;
        }
        try {
            organisation = organisations.get(user.id(), id);
            refresh();
        } catch (RuntimeException e) {
            organisation = null;
            OrganisationMessages.failed("organisation.loadFailed", e);
        }
    }

    private void refresh() {
        departments = organisations.departments(user.id(), id);
        members = organisations.members(user.id(), id);
        documents = isAdmin() ? organisations.documents(user.id(), id) : List.of();
        tree = null;
    }

    public boolean isAdmin() {
        return organisation != null && "ORG_ADMIN".equals(organisation.myRole());
    }

    public boolean isManageable() {
        return isAdmin() && "APPROVED".equals(organisation.status());
    }

    public TreeNode<DepartmentView> getTree() {
        if (tree == null && departments != null) {
            tree = new DefaultTreeNode<>(null, null);
            Map<Long, TreeNode<DepartmentView>> nodes = new HashMap<>();
            for (DepartmentView d : departments) {
                DefaultTreeNode<DepartmentView> node = new DefaultTreeNode<>(d);
                node.setExpanded(true);
                nodes.put(d.id(), node);
            }
            for (DepartmentView d : departments) {
                TreeNode<DepartmentView> parent = d.parentId() == null ? tree : nodes.getOrDefault(d.parentId(), tree);
                parent.getChildren().add(nodes.get(d.id()));
            }
        }
        return tree;
    }

    public void onSelect(NodeSelectEvent event) {
        @SuppressWarnings("unchecked")
        TreeNode<DepartmentView> node = (TreeNode<DepartmentView>) event.getTreeNode();
        selectedNode = node;
        departmentName = node.getData().name();
        departmentParent = node.getData().parentId();
    }

    public void createDepartment() {
        try {
            DepartmentView created = organisations.createDepartment(user.id(), id, departmentParent, departmentName);
            refresh();
            OrganisationMessages.info("departments.created", created.name());
            departmentName = null;
        } catch (RuntimeException e) {
            OrganisationMessages.failed("departments.failed", e);
        }
    }

    public void updateDepartment() {
        if (selectedNode == null) {
            OrganisationMessages.error("departments.failed", OrganisationMessages.text("departments.selectFirst"));
            return;
        }
        try {
            DepartmentView updated = organisations.updateDepartment(user.id(), id, selectedNode.getData().id(),
                    departmentName, departmentParent);
            refresh();
            selectedNode = null;
            OrganisationMessages.info("departments.updated", updated.name());
        } catch (RuntimeException e) {
            OrganisationMessages.failed("departments.failed", e);
        }
    }

    public void deleteDepartment() {
        if (selectedNode == null) {
            OrganisationMessages.error("departments.failed", OrganisationMessages.text("departments.selectFirst"));
            return;
        }
        try {
            String name = selectedNode.getData().name();
            organisations.deleteDepartment(user.id(), id, selectedNode.getData().id());
            refresh();
            selectedNode = null;
            departmentName = null;
            OrganisationMessages.info("departments.deleted", name);
        } catch (RuntimeException e) {
            OrganisationMessages.failed("departments.failed", e);
        }
    }

    public void invite() {
        try {
            MemberView invited = organisations.invite(user.id(), id, inviteEmail, inviteRole, inviteDepartment)
                    .invitation();
            refresh();
            OrganisationMessages.info("members.invited", invited.email());
            inviteEmail = null;
        } catch (RuntimeException e) {
            OrganisationMessages.failed("members.failed", e);
        }
    }

    public void changeRole(MemberView member, String role) {
        try {
            organisations.changeMember(user.id(), id, member.id(), role, member.departmentId());
            refresh();
            OrganisationMessages.info("members.roleChanged", member.email());
        } catch (RuntimeException e) {
            OrganisationMessages.failed("members.failed", e);
        }
    }

    public void remove(MemberView member) {
        try {
            organisations.removeMember(user.id(), id, member.id());
            OrganisationMessages.info("members.removed", member.email());
            if (member.customerId() != null && member.customerId() == user.id()) {
                organisation = null;
                return;
            }
            refresh();
        } catch (RuntimeException e) {
            OrganisationMessages.failed("members.failed", e);
        }
    }

    public StreamedContent download(DocumentView document) {
        DocumentDownload download = organisations.download(user.id(), id, document.id());
        return DefaultStreamedContent.builder().name(download.fileName()).contentType(download.contentType())
                .contentLength((long) download.content().length)
                .stream(() -> new ByteArrayInputStream(download.content())).build();
    }

    public String departmentName(Long departmentId) {
        if (departmentId == null || departments == null) {
            return "";
        }
        return departments.stream().filter(d -> d.id() == departmentId).map(DepartmentView::name).findFirst()
                .orElse("");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public OrganisationView getOrganisation() {
        return organisation;
    }

    public List<DepartmentView> getDepartments() {
        return departments;
    }

    public List<MemberView> getMembers() {
        return members;
    }

    public List<DocumentView> getDocuments() {
        return documents;
    }

    public TreeNode<DepartmentView> getSelectedNode() {
        return selectedNode;
    }

    public void setSelectedNode(TreeNode<DepartmentView> selectedNode) {
        this.selectedNode = selectedNode;
    }

    public String getDepartmentName() {
        return departmentName;
    }

    public void setDepartmentName(String departmentName) {
        this.departmentName = departmentName;
    }

    public Long getDepartmentParent() {
        return departmentParent;
    }

    public void setDepartmentParent(Long departmentParent) {
        this.departmentParent = departmentParent;
    }

    public String getInviteEmail() {
        return inviteEmail;
    }

    public void setInviteEmail(String inviteEmail) {
        this.inviteEmail = inviteEmail;
    }

    public String getInviteRole() {
        return inviteRole;
    }

    public void setInviteRole(String inviteRole) {
        this.inviteRole = inviteRole;
    }

    public Long getInviteDepartment() {
        return inviteDepartment;
    }

    public void setInviteDepartment(Long inviteDepartment) {
        this.inviteDepartment = inviteDepartment;
    }
}
